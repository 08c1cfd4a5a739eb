(exec echo replaced; echo never)
echo after
exec 3>out; echo x >&3; exec 3>&-; cat out
