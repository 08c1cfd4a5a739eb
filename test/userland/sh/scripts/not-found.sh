nosuchcommand_xyz 2>/dev/null
echo $?
./nosuchfile 2>/dev/null
echo $?
