type echo
type f 2>/dev/null || echo nof
f() { :; }
type f | head -1
