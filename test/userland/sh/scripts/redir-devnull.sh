echo hidden > /dev/null
cat /dev/null
echo visible
