HOME=/hh
x=~
echo $x
