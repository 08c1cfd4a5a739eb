x=$(false)
echo $?
y=$(true)
echo $?
z=$(exit 7)
echo $?
