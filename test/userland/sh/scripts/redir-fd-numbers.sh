exec 3> three
echo to three >&3
exec 3>&-
cat three
exec 4< three
read l <&4
echo "read: $l"
exec 4<&-
