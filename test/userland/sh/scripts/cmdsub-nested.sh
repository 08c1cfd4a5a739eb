echo $(echo $(echo $(echo deep)))
echo "$(echo "inner $(echo quoted)")"
x=$(echo "a)b")
echo $x
