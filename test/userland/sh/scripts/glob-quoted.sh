touch a1 a2
echo "a*"
echo 'a*'
echo a\*
x='a*'
echo "$x" $x
