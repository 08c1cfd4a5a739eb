x=val
echo "x is $x"
echo "braced ${x}s"
echo "dollar \$x backslash \\ quote \" tick \`"
echo "keep \n and \a"
echo "$(echo sub)"
