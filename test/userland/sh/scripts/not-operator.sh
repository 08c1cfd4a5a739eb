! true; echo $?
! false; echo $?
if ! false; then echo negated; fi
! (exit 3); echo $?
