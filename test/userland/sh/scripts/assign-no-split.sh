x="a   b"
y=$x
echo "$y"
z=$(echo "1   2")
echo "$z"
