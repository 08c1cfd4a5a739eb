echo *.nomatch
echo "no*quoted"
x='*.nomatch'
echo $x
