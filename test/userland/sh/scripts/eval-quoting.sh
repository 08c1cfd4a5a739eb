a='$b' b=final
eval echo $a
eval "echo \$a"
eval 'z="a  b"'; echo "$z"
