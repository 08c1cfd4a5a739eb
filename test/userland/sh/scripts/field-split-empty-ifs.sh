IFS=
x="a b c"
set -- $x; echo $#
unset IFS
set -- $x; echo $#
