for x in 1 2 3; do :; done
echo $x
for y in a; do y=changed; done
echo $y
