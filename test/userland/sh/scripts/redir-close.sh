( echo x >&- ) 2>/dev/null
echo status-nonzero $(( $? != 0 ))
