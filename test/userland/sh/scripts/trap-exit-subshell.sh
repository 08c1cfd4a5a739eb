(trap 'echo sub-exit' EXIT; cat /dev/null)
echo status $?
(trap 'echo sub-exit-2' EXIT; false)
echo status $?
x=$(trap 'echo in-cmdsub-trap' EXIT; true)
echo "[$x]"
