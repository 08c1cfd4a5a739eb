trap 'echo got-usr1' USR1
kill -USR1 $$
echo after
trap - USR1
trap 'echo term-trap; exit 9' TERM
kill -TERM $$
echo never
