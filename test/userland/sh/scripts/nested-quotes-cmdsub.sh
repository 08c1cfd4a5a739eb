echo "$(echo "a b" | cat)"
x="$(echo '$HOME')"
echo "$x"
