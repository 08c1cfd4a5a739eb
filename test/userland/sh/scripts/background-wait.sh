(sleep 0; echo bg) &
wait
echo after-wait
true &
wait $!
echo status $?
(exit 3) &
wait $!
echo status $?
