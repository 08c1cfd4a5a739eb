x=global
f() { local x=local; echo "in f: $x"; g; }
g() { echo "in g: $x"; }
f
echo "after: $x"
h() { local y; y=1; echo "h: $y"; }
h
echo "y: [${y-unset}]"
