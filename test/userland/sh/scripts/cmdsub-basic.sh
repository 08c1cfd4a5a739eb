echo "[$(echo a b)]"
x=$(printf 'a\n\n\n')
echo "[$x]"
echo $(echo one; echo two)
