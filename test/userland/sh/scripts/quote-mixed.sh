x="1 2"
echo "$x"'$x'$x
echo a"b"'c'd
echo "'"'"'
