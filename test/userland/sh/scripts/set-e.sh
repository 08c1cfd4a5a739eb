set -e
true
echo one
false || echo handled
if false; then :; fi
echo two
false
echo never
