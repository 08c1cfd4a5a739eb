f() { echo in-f; exit 6; }
f
echo never
