cd /nonexistent 2>/dev/null
echo status $?
