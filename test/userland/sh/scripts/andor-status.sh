false && true; echo $?
true || false; echo $?
false || (exit 3); echo $?
