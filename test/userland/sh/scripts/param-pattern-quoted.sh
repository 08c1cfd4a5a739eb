x='a*b*c'
echo "${x%'*'*}"
echo "${x#*"*"}"
y=abc
echo ${y%?}
echo ${y#[ab]}
