x=abc
y=${x:+"${x}def"}
echo $y
unset u
echo ${u:-${x}-${x}}
echo "${u:-"quoted default"}"
