cat < /nonexistent/file 2>/dev/null
echo status $?
echo ok > /nonexistent/dir/f 2>/dev/null
echo status $?
