{ echo out; echo err >&2; } 2> e > o
echo "o:"; cat o
echo "e:"; cat e
{ echo both; echo err >&2; } > b 2>&1
cat b
