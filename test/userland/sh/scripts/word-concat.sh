a=foo
echo ${a}bar $a"bar" "$a"bar
echo pre${a}post
