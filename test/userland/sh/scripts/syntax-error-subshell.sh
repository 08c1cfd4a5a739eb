sh -c 'if then' 2>/dev/null
echo status $?
