n=0
while n=$((n+1)); [ $n -le 3 ]; do echo $n; done
