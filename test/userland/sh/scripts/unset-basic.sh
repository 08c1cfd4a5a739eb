x=1
unset x
echo "[${x-unset}]"
f() { :; }
unset -f f
unset nosuch
echo status $?
