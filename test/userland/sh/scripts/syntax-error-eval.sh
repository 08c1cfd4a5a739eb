eval 'if' 2>/dev/null
echo never
