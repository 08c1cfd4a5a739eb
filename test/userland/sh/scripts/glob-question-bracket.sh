touch a1 a2 b1 ab
echo a?
echo [ab]1
echo [!a]*
echo a[0-9]
echo [a-b][1-2]
