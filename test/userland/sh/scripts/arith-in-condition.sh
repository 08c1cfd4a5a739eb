x=5
if [ $((x % 2)) -eq 1 ]; then echo odd; fi
while [ $((x -= 1)) -gt 2 ]; do echo $x; done
