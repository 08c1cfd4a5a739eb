x=5 y=7
echo $((x + y)) $(($x * $y))
echo $((x * (y - 2)))
unset z
echo $((z + 1))
e=
echo $((e + 2))
