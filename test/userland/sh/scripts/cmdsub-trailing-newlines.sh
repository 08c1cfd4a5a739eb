x=$(printf 'a\n\nb\n\n')
echo "[$x]"
