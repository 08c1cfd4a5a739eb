n=3
while [ $n -gt 0 ]; do echo $n; n=$((n-1)); done
while false; do echo never; done
echo status $?
