if false; then :; fi
echo $?
if true; then (exit 3); fi
echo $?
if false; then :; else (exit 4); fi
echo $?
