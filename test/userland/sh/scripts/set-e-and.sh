set -e
false && echo no
echo survived
! true
echo survived2
f() { false; echo in-f; }
f || echo f-failed
echo end
