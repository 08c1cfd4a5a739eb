(echo before; exit 4; echo after)
echo status $?
( (exit 2) ); echo $?
