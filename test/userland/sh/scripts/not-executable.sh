echo 'echo hi' > plain
chmod -x plain 2>/dev/null
./plain 2>/dev/null
echo $?
