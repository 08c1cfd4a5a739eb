x=
$x
echo status $?
$x echo ran
