f() { exit 2; }
(f); echo "status $?"
echo continues
