echo 'a\tb'
echo 'line1\nline2'
echo -n 'no newline'; echo
echo 'stop\chere'; echo next
echo '\0101\0102'
echo 'back\\slash'
