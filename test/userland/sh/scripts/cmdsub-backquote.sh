echo `echo bq`
echo `echo \`echo inner\``
x=`echo a b`
echo "$x"
echo "`echo in dq`"
