v=1
v=2 true
echo $v
f() { echo "in f: $w"; }
w=temp f
echo "after: [$w]"
