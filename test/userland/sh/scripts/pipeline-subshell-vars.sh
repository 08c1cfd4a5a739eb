x=1
echo 2 | read x
echo $x
echo 3 | { read x; echo inner $x; }
echo $x
