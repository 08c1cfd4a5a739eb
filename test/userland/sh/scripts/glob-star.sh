touch apple banana cherry .hidden
echo *
echo a*
echo *a*
echo .h*
